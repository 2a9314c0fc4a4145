import * as m001 from './001-initial';
import * as m002 from './002-planning';
import * as m003 from './003-live';
import * as m004 from './004-decisions';
import * as m005 from './005-commitments';
import * as m006 from './006-commitment-events-by-kind';
import * as m007 from './007-meeting-feedback';
import * as m008 from './008-agreements-and-roles';
import * as m009 from './009-open-commitments';
import * as m010 from './010-decision-search-prefixes';
import * as m011 from './011-decision-numbers';
import * as m012 from './012-chosen-option';
import * as m013 from './013-sync-stamps';
import * as m014 from './014-sync-links';
import * as m015 from './015-open-meetings-by-team';
import * as m016 from './016-lean-write-indexes';
import * as m017 from './017-sync-changes';
import * as m018 from './018-agenda-item-plan';
import * as m019 from './019-lean-facilitator-writes';
import * as m020 from './020-undo-log-appends';
import * as m021 from './021-decision-search-by-team';
import * as m022 from './022-held-meetings';
import * as m023 from './023-undo-log-of-live-meetings';
import * as m024 from './024-called-off-meetings';
import * as m025 from './025-decision-search-longer-prefixes';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Ordered, static: the list the migrator applies and the checksum test pins. */
export const migrations: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
  m013,
  m014,
  m015,
  m016,
  m017,
  m018,
  m019,
  m020,
  m021,
  m022,
  m023,
  m024,
  m025,
];
