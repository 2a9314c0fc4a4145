import type { ApiError } from '../api/client';

export function ErrorAlert({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="alert" role="alert">
      {error.message}
    </div>
  );
}

/** The message for one field, from the issues main reported. */
export function fieldError(error: ApiError | null, path: string): string | undefined {
  return error?.error.issues?.find((i) => i.path === path)?.message;
}
