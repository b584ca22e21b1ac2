/** One operation's use of the API schema, as the gateway's usage plugin reports it. */
export interface OperationUsage {
  name: string;
  client: string | null;
  coordinates: string[];
  count: number;
}

export class RejectedUsage extends Error {}

const COORDINATE = /^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_OPERATIONS = 1000;
const MAX_COORDINATES = 2000;

// an over-long name is cut rather than refused: losing a whole batch of counts for it would be worse
const text = (value: unknown, max: number, what: string): string => {
  if (typeof value !== 'string') throw new RejectedUsage(`${what} must be a string`);
  return value.slice(0, max);
};

/** Parses and checks `{ operations: [...] }`; anything odd refuses the whole batch, so nothing half-recorded remains. */
export function readUsageBatch(body: string): OperationUsage[] {
  let parsed: { operations?: unknown };
  try {
    parsed = JSON.parse(body) as { operations?: unknown };
  } catch {
    throw new RejectedUsage('the body is not JSON');
  }
  const operations = parsed?.operations;
  if (!Array.isArray(operations) || operations.length > MAX_OPERATIONS) throw new RejectedUsage(`operations must be an array of at most ${MAX_OPERATIONS}`);
  return operations.map((raw: Record<string, unknown>, index) => {
    const where = `operations[${index}]`;
    if (typeof raw !== 'object' || raw === null) throw new RejectedUsage(`${where} must be an object`);
    const coordinates = raw.coordinates;
    if (!Array.isArray(coordinates) || coordinates.length > MAX_COORDINATES || !coordinates.every((c) => typeof c === 'string' && c.length <= 200 && COORDINATE.test(c))) {
      throw new RejectedUsage(`${where}.coordinates must be up to ${MAX_COORDINATES} "Type.field" strings`);
    }
    const count = raw.count;
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 1_000_000_000) throw new RejectedUsage(`${where}.count must be a positive whole number`);
    return {
      // an unnamed operation still counts: it is someone's query
      name: text(raw.name, 150, `${where}.name`) || '(anonymous)',
      client: raw.client === null || raw.client === undefined ? null : text(raw.client, 100, `${where}.client`),
      coordinates: [...new Set(coordinates as string[])],
      count: count as number,
    };
  });
}
