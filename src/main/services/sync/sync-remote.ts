import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '@shared/result';

/**
 * The repository a team syncs with, as typed: a URL git understands (https, ssh, git, file, or scp-like
 * `user@host:path`) or a folder on this computer (a bare repository on a shared drive). Cadence stores no
 * credential, so an address carrying a password is refused in words rather than kept in the database.
 */
export function checkRemote(typed: string): string {
  const url = typed.trim();
  if (!url) throw new DomainError('invalid_input', 'Type the repository’s address (a URL) or the path of a folder.', { path: 'url' });
  if (/[\r\n\0]/.test(url)) throw new DomainError('invalid_input', 'A repository address is one line.', { path: 'url' });
  if (url.startsWith('-')) throw new DomainError('invalid_input', 'A repository address does not start with “-”.', { path: 'url' });
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme) {
    if (!['https', 'http', 'ssh', 'git', 'file'].includes(scheme))
      throw new DomainError('invalid_input', `Cadence syncs over https, ssh, git or a folder path, not “${scheme}://”.`, { path: 'url' });
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DomainError('invalid_input', `“${url}” is not an address git can use.`, { path: 'url' });
    }
    if (parsed.hostname.startsWith('-') || parsed.username.startsWith('-')) throw optionLike();
    if (parsed.password)
      throw new DomainError(
        'invalid_input',
        'That address holds a password (or token) after the user name. Cadence stores no credential: remove it from the address and let git sign you in with your SSH key or credential helper.',
        { path: 'url' },
      );
    return url;
  }
  if (/^[a-z][a-z0-9+.-]*::/i.test(url))
    throw new DomainError('invalid_input', 'Cadence syncs over https, ssh, git or a folder path, not a git remote helper (“::”).', {
      path: 'url',
    });
  // scp-like ssh (git@host:team/repo.git): a colon before any slash, and not a Windows drive letter.
  if (/^[^/\\]+:/.test(url) && !/^[a-z]:[\\/]/i.test(url)) {
    if (/^[^:]*@-/.test(url)) throw optionLike();
    return url;
  }
  const folder = path.resolve(url);
  if (!fs.existsSync(folder))
    throw new DomainError(
      'invalid_input',
      `There is no folder at ${folder}. Create the repository first (for a shared drive: git init --bare ${folder}).`,
      {
        path: 'url',
      },
    );
  return folder;
}

/**
 * A host or user name starting with "-" reaches ssh as an option (-oProxyCommand=… runs a command). git itself blocks
 * it, but with words ("strange hostname") the team page would show under "Cadence will try again", for ever.
 */
function optionLike(): DomainError {
  return new DomainError('invalid_input', 'A repository address’s host or user name does not start with “-”.', { path: 'url' });
}

/** The address as the team page shows it (the same; kept here so a shown address never grows a secret). */
export function shownRemote(url: string): string {
  return url.replace(/\/\/([^/@:]+):[^/@]*@/, '//$1@');
}
