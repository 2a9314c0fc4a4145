import { dataFolderRefusal } from '../data-folder/inside-data-folder';
import { CliError } from './cli-errors';

/** Refuses an --out in the data folder or under it, by the rule the app's exports follow (inside-data-folder.ts). */
export function refuseDataFolder(out: string, dataDir: string): void {
  const refusal = dataFolderRefusal(out, dataDir);
  if (refusal) throw new CliError(refusal);
}
