/**
 * The renderer's half of the platform seam. Main saves with a native dialog on the desktop;
 * in the browser mode it answers 'download' and this module offers the file as a download.
 */
import type { InputOf, OutputOf } from '@shared/contract';
import type { SaveOutcome } from '@shared/domain';
import { call } from './client';

const MIME: Record<InputOf<'files.saveText'>['kind'], string> = {
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  calendar: 'text/calendar;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

export async function saveTextFile(input: InputOf<'files.saveText'>): Promise<SaveOutcome> {
  const outcome = await call('files.saveText', input);
  if (outcome.status !== 'download') return outcome;
  const url = URL.createObjectURL(new Blob([input.content], { type: MIME[input.kind] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = input.suggestedName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return outcome;
}

export async function openExternal(url: string): Promise<void> {
  const { status } = await call('links.openExternal', { url });
  if (status === 'client') window.open(url, '_blank', 'noopener,noreferrer');
}

/** Desktop: a window on the second display. Browser: a new window the facilitator drags onto the projector. */
export async function openProjector(meetingId: string): Promise<void> {
  projectorOpened(meetingId, await call('windows.openProjector', { meetingId }));
}

/** After main answered `windows.openProjector`: the browser mode opens the window itself. */
export function projectorOpened(meetingId: string, answer: OutputOf<'windows.openProjector'> | null): void {
  if (answer?.status === 'client')
    window.open(`${location.pathname}#/meetings/${encodeURIComponent(meetingId)}/projector`, 'cadence-projector', 'popup');
}
