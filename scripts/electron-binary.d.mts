export function electronBinary(root?: string): { file: string | null; installed: boolean };
