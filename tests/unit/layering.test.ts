import fs from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules live in eslint.config.js; these cases prove each one still fires, so a config edit cannot quietly drop it.
const eslint = new ESLint();

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it('src/shared imports no node: module, electron or main', async () => {
    expect(await ruleIdsFor('src/shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n")).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor('src/shared/x.ts', "import { x } from '../main/core/clock';\nexport const a = x;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('the renderer imports nothing from main and only its api module touches window.cadence', async () => {
    expect(
      await ruleIdsFor(
        'src/renderer/src/features/x.ts',
        "import { startCore } from '../../../main/core/cadence-core';\nexport const a = startCore;\n",
      ),
    ).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/renderer/src/features/x.ts', 'export const a = () => window.cadence;\n')).toContain(
      'no-restricted-properties',
    );
    expect(await ruleIdsFor('src/renderer/src/api/x.ts', 'export const a = () => window.cadence;\n')).not.toContain(
      'no-restricted-properties',
    );
  });

  it('only src/main/db imports better-sqlite3, and services build no SQL', async () => {
    const code = "import Database from 'better-sqlite3';\nexport const a = Database;\n";
    expect(await ruleIdsFor('src/main/services/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/main/db/x.ts', code)).not.toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/main/services/x.ts', "import { sql } from 'kysely';\nexport const a = sql;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('services read domain types from repositories, never row types from db/schema', async () => {
    const code = "import type { TeamsTable } from '../../db/schema';\nexport type A = TeamsTable;\n";
    expect(await ruleIdsFor('src/main/services/planning/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/main/db/repositories/x.ts', code)).not.toContain('no-restricted-imports');
    // Still kysely-free there: this rule adds to the service layer's rules rather than replacing them.
    expect(await ruleIdsFor('src/main/services/planning/x.ts', "import { sql } from 'kysely';\nexport const a = sql;\n")).toContain(
      'no-restricted-imports',
    );
  });

  it('no service file is exempt from the db/schema rule', async () => {
    const services = fs.globSync('src/main/services/**/*.ts');
    expect(services.length).toBeGreaterThan(50);
    const exempt: string[] = [];
    for (const file of services) {
      const config = (await eslint.calculateConfigForFile(file)) as { rules?: Record<string, unknown> };
      if (!JSON.stringify(config.rules?.['no-restricted-imports'] ?? null).includes('**/db/schema*')) exempt.push(file);
    }
    expect(exempt).toEqual([]);
  });

  it('planning reaches up into no other feature, and keeps the service rules', async () => {
    const reachUp = "import type { DecisionsService } from '../decisions/decisions-service';\nexport type A = DecisionsService;\n";
    expect(await ruleIdsFor('src/main/services/planning/x.ts', reachUp)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/main/services/meeting-view/x.ts', reachUp)).not.toContain('no-restricted-imports');
    const schema = "import type { TeamsTable } from '../../db/schema';\nexport type A = TeamsTable;\n";
    expect(await ruleIdsFor('src/main/services/planning/x.ts', schema)).toContain('no-restricted-imports');
  });

  it('only the Electron shell imports electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await ruleIdsFor('src/main/core/x.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIdsFor('src/main/electron/x.ts', code)).not.toContain('no-restricted-imports');
  });
});
