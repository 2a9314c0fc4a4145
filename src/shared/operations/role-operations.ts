import { manifest } from './define';
import type { roleSchemas } from './role-schemas';
import { scope } from './scopes';

const roleChanged = (o: { teamId: string }) => [scope('agreements', o), scope('teams', o)];

export const roleOperations = manifest<typeof roleSchemas>()({
  'roles.list': { dependsOn: (i) => [scope('agreements', i), scope('teams', i)] },
  'roles.create': { changes: (_i, o) => roleChanged(o) },
  'roles.update': { changes: (_i, o) => roleChanged(o) },
  'roles.assign': { changes: (_i, o) => roleChanged(o) },
  'roles.retire': { changes: (_i, o) => roleChanged(o) },
});
