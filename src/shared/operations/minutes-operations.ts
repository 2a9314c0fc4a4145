import { manifest } from './define';
import type { minutesSchemas } from './minutes-schemas';

export const minutesOperations = manifest<typeof minutesSchemas>()({
  'minutes.markdown': {},
  'minutes.html': {},
  'minutes.export': { changes: [] },
});
