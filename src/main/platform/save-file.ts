import type { SaveOutcome } from '@shared/domain';
import { describeWriteError, writeFileAtomic } from '../data-folder/atomic-write';

/** Writes the file a person chose in a save dialog; a failure is an outcome with a message, not a throw. */
export function saveChosenFile(filePath: string, content: string | Uint8Array): SaveOutcome {
  try {
    writeFileAtomic(filePath, content);
  } catch (error) {
    return { status: 'failed', path: filePath, message: describeWriteError(error, filePath) };
  }
  return { status: 'saved', path: filePath };
}
