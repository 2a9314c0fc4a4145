/**
 * Outputs cross IPC and HTTP through one JSON serialise step, so a Date, Map or
 * undefined would arrive as something else. `JsonSafe<T>` maps such members to
 * `never`, and `op<O>()` requires `O extends JsonSafe<O>`: a non-JSON output
 * type fails to compile where the operation is declared.
 */
type Primitive = string | number | boolean | null;

/** An optional key (`k?: T`) is simply absent after JSON, which is what it means; `k: T | undefined` is not. */
type OptionalKey<T, K extends keyof T> = Record<never, never> extends Pick<T, K> ? true : false;

export type JsonSafe<T> = T extends Primitive
  ? T
  : T extends undefined | Date | Map<unknown, unknown> | Set<unknown> | ((...args: never[]) => unknown)
    ? never
    : T extends readonly (infer U)[]
      ? JsonSafe<U>[]
      : T extends object
        ? {
            [K in keyof T]: OptionalKey<T, K> extends true
              ? JsonSafe<Exclude<T[K], undefined>>
              : undefined extends T[K]
                ? never
                : JsonSafe<T[K]>;
          }
        : never;
