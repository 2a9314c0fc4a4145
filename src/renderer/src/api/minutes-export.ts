/**
 * Exporting minutes from the page. The desktop saves through main (a dialog in the last folder used);
 * the browser mode downloads the file, or prints the formatted minutes, whose print view saves a PDF.
 */
import type { MinutesFormat } from '@shared/operations/minutes-schemas';
import { call } from './client';
import { saveTextFile } from './platform';

export async function exportMinutes(
  meetingId: string,
  format: MinutesFormat,
  printFrame: HTMLIFrameElement | null,
): Promise<{ text: string; failed: boolean }> {
  const outcome = await call('minutes.export', { meetingId, format });
  switch (outcome.status) {
    case 'saved':
      return { text: `Saved to ${outcome.path}`, failed: false };
    case 'cancelled':
      return { text: '', failed: false };
    case 'failed':
      return { text: outcome.message, failed: true };
    case 'print': {
      const win = printFrame?.contentWindow;
      if (!win) return { text: 'The formatted minutes are not ready to print yet.', failed: true };
      win.focus();
      win.print();
      return { text: 'Opened the print view: choose “Save as PDF” as the printer.', failed: false };
    }
    case 'download': {
      const file = format === 'md' ? await call('minutes.markdown', { meetingId }) : await call('minutes.html', { meetingId });
      await saveTextFile({ suggestedName: file.suggestedName, kind: format === 'md' ? 'markdown' : 'html', content: file.content });
      return { text: `Downloaded ${file.suggestedName}`, failed: false };
    }
  }
}
