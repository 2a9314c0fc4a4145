import type { ApiError } from '../api/client';

export function ErrorAlert({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <div className="alert" role="alert">
      {error.message}
    </div>
  );
}
