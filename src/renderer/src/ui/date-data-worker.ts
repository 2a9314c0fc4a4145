import { loadDateData } from './date-data';

// Runs on a worker thread the boot starts (loadDateDataAside in format.ts). What the page's first Intl.DateTimeFormat
// loads for a locale (ICU's date data and patterns) is kept for the whole browser process, not per thread: made
// here, the page's own first formatter finds it made and takes under a millisecond, not 15-120 ms of its one thread.
loadDateData();
// The numeric date styles' formatter (settings-context.tsx) is always in English.
new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' }).format(0);
close();
