import fc from 'fast-check';
import {
  coerceInputValue,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { PLAN_2022 } from '@dr/domain';
import { demoId, demoInspections, demoVenues } from '@dr/demo-data';

// Inputs of the right GraphQL shape with hostile contents, and values of the wrong shape, for every
// argument of a mutation: built from the schema, so a new mutation or field is fuzzed without code.

const BIDI_AND_CONTROL = ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u200b', '\u200e', '\u202e', '\u2066', '\ufeff', '\r\n', '\t', '\ud800'];
const SQL = ["' OR '1'='1", "'; DROP TABLE venue; --", '" OR 1=1 --', '1; SELECT * FROM user', "\\'", '%', '_', '`', "') UNION SELECT password_hash FROM user --"];
const HTML = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '{{7*7}}', '${7*7}', '../../etc/passwd', '%00'];
const TEXT = ['网吧', '张三', '卫东区建设路 1 号', '检查发现消防通道堵塞', '卫文旅立〔2022〕12号', 'A', '1', '   ', ''];
const DATES = ['2022-08-10', '2022-02-30', '2022-13-01', '1899-12-31', '2101-01-01', '0000-00-00', '99999-01-01', '2022-8-1', 'yesterday', '2022-08-10T25:61:00Z', '-271821-04-20', '+275760-09-13'];
const DATE_TIMES = ['2022-08-10T09:00:00.000Z', '2022-08-10T09:00:00+08:00', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2022-02-30T00:00:00Z', 'not a time', '1e309'];
const DATA_URLS = [
  'data:image/png;base64,',
  'data:image/png;base64,@@@@',
  'data:image/png;base64,iVBORw0KGgo=',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
  'data:;base64,AAAA',
  'data:image/png,%00%00',
  `data:image/png;base64,${'A'.repeat(40_000)}`,
];
const HUGE = ['x'.repeat(10_001), '网'.repeat(70_000), 'a\u0000'.repeat(5_000)];

const INSPECTION = demoInspections(1)[0];
/** Ids of demo objects, so a share of the inputs reaches past "not found" into validation. */
const KNOWN_IDS = [INSPECTION.id, INSPECTION.planId, INSPECTION.venueId, PLAN_2022.id, demoVenues(2)[1].id, demoId('inspector-culture', 1), demoId('inspector-market', 1), demoId('inspector-fire', 2), demoId('inspection', 2)];

const hostileText = fc.oneof(
  { arbitrary: fc.constantFrom(...TEXT), weight: 4 },
  { arbitrary: fc.constantFrom(...SQL, ...HTML), weight: 3 },
  { arbitrary: fc.tuple(fc.constantFrom(...TEXT), fc.constantFrom(...BIDI_AND_CONTROL), fc.constantFrom(...TEXT)).map((parts) => parts.join('')), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom(...HUGE), weight: 1 },
  { arbitrary: fc.constantFrom(...DATES, ...DATE_TIMES, ...DATA_URLS), weight: 1 },
  { arbitrary: fc.uuid().map(String), weight: 1 },
);

const idValue = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN_IDS), weight: 5 },
  { arbitrary: fc.uuid().map(String), weight: 3 },
  { arbitrary: hostileText, weight: 2 },
);

const intValue = fc.oneof(
  { arbitrary: fc.integer({ min: -1, max: 12 }), weight: 5 },
  { arbitrary: fc.constantFrom(-2147483648, 2147483647, 0, 1900, 2022, 2101, 99999), weight: 2 },
  { arbitrary: fc.integer({ min: -2147483648, max: 2147483647 }), weight: 1 },
);

/** A text field, knowing a few field names so dates, ids, keys and images get their own hostile values. */
function stringFor(field: string): fc.Arbitrary<string> {
  const name = field.toLowerCase();
  if (/(date|deadline|on$|^on|until|from|to$)/.test(name)) return fc.oneof({ arbitrary: fc.constantFrom(...DATES), weight: 4 }, { arbitrary: hostileText, weight: 1 });
  if (/(image|signature|stamp|photo|dataurl)/.test(name)) return fc.oneof({ arbitrary: fc.constantFrom(...DATA_URLS), weight: 4 }, { arbitrary: hostileText, weight: 1 });
  if (/(idempotencykey|secret|seed)/.test(name)) return fc.oneof({ arbitrary: fc.uuid().map(String), weight: 3 }, { arbitrary: fc.stringMatching(/^[0-9a-f]{0,80}$/), weight: 2 }, { arbitrary: hostileText, weight: 1 });
  if (name.endsWith('id')) return idValue;
  return hostileText;
}

function scalarFor(type: string, field: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'ID':
      return idValue;
    case 'Int':
      return intValue;
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), intValue);
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.oneof({ arbitrary: fc.constantFrom(...DATES), weight: 3 }, { arbitrary: hostileText, weight: 1 });
    case 'DateTimeISO':
      return fc.oneof({ arbitrary: fc.constantFrom(...DATE_TIMES), weight: 3 }, { arbitrary: hostileText, weight: 1 });
    default:
      return stringFor(field);
  }
}

/** Values of `type` (they pass GraphQL's own coercion, except scalars whose text is checked by their parser). */
export function typedValue(type: GraphQLInputType, field: string, depth = 0): fc.Arbitrary<unknown> {
  const inner = (): fc.Arbitrary<unknown> => {
    const named = getNullableType(type);
    if (isListType(named)) {
      const item = typedValue(named.ofType, field, depth + 1);
      return fc.oneof({ arbitrary: fc.array(item, { maxLength: 4 }), weight: 6 }, { arbitrary: fc.array(item, { minLength: 30, maxLength: 60 }), weight: 1 });
    }
    if (isEnumType(named)) return fc.constantFrom(...named.getValues().map((value) => value.name));
    if (isInputObjectType(named)) {
      const fields = Object.values(named.getFields());
      const model = Object.fromEntries(fields.map((f) => [f.name, typedValue(f.type, f.name, depth + 1)]));
      return fc.record(model, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
    }
    if (isScalarType(named)) return scalarFor(named.name, field);
    throw new Error(`no arbitrary for ${String(type)}`);
  };
  return isNonNullType(type) ? inner() : fc.option(inner(), { nil: null, freq: 5 });
}

/** A value of the wrong GraphQL shape: a field replaced by junk, an unknown enum, a 2^31, a string for an object… */
const junk = fc.oneof(
  fc.constantFrom(null, 2147483648, -2147483649, 1.5, 1e308, true, '', 'NOT_AN_ENUM_VALUE', [], {}, [[]], { __proto__: null }, '12'),
  fc.anything({ maxDepth: 2 }),
);

function replaceLeaf(value: unknown, index: number, replacement: unknown): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  if (!entries.length) return replacement;
  const [key, child] = entries[index % entries.length];
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  copy[key] = replaceLeaf(child, Math.floor(index / entries.length), replacement);
  return copy;
}

/** The variables for one call: mostly well-shaped hostile values, some of the wrong shape. */
export function argumentsFor(args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
  const typed = fc.record(Object.fromEntries(args.map((arg) => [arg.name, typedValue(arg.type, arg.name)])));
  const wrong = fc.tuple(typed, junk, fc.nat()).map(([value, replacement, index]) => replaceLeaf(value, index, replacement) as Record<string, unknown>);
  return fc.oneof({ arbitrary: typed, weight: 9 }, { arbitrary: wrong, weight: 1 });
}

/** Does GraphQL accept these variables for these arguments (shape, enums, Int range, non-null)? */
export function wellShaped(args: readonly GraphQLArgument[], variables: Record<string, unknown>): boolean {
  let ok = true;
  for (const arg of args) {
    try {
      if (variables[arg.name] === undefined && isNonNullType(arg.type)) return false;
      coerceInputValue(variables[arg.name], arg.type, () => {
        ok = false;
      });
    } catch {
      return false;
    }
  }
  return ok;
}
