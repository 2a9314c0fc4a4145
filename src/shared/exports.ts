/** What an export of several files into a folder came to, as it crosses the contract. */
export type FolderExportOutcome =
  | { status: 'saved'; folder: string; files: number }
  | { status: 'cancelled' }
  /** The browser mode has no folder dialog: the page asks for a path, starting from this one. */
  | { status: 'chooseFolder'; suggestedFolder: string }
  | { status: 'failed'; folder: string; message: string; written: number };
