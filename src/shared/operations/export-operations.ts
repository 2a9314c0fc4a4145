import { manifest } from './define';
import type { exportSchemas } from './export-schemas';

export const exportOperations = manifest<typeof exportSchemas>()({
  'exports.decisionsMadr': { changes: [] },
  'exports.decisionLogHtml': { changes: [] },
});
