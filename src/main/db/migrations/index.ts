import * as m001 from './001-initial';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Ordered, static: the list the migrator applies and the checksum test pins. */
export const migrations: readonly Migration[] = [m001];
