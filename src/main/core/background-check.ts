import type { DamageFound } from '@shared/domain';
import type { RunMarker } from '../data-folder/run-marker';
import type { DbWorker } from '../worker/db-worker';
import type { Clock } from './clock';

/**
 * The whole-file check a clean start skips, run in the worker thread while the app is in use. What
 * it finds never moves the open file: the person is told, writes go on, and the run marker makes
 * the next start check again and take the recovery path.
 */
export class BackgroundCheck {
  damage: DamageFound | null = null;

  constructor(
    private readonly worker: DbWorker,
    private readonly file: string,
    private readonly marker: RunMarker,
    private readonly clock: Clock,
    private readonly found: (damage: DamageFound) => void,
  ) {}

  /** 'ok', or what is wrong. */
  async run(): Promise<string> {
    const result = await this.worker.run('check', { file: this.file });
    if (result !== 'ok' && this.damage === null) {
      this.damage = { detail: result, at: this.clock.now() };
      this.marker.markDamaged(result, this.damage.at);
      this.found(this.damage);
    }
    return result;
  }
}
