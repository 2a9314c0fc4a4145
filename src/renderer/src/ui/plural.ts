/** "1 item", "2 items": a count with its noun, one way everywhere (the projector's welcome said "1 items"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
