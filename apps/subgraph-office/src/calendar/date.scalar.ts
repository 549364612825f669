import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const notText = (value: unknown) => new GraphQLError(`日期应为 YYYY-MM-DD 格式的文本，收到 ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * `Date`: a calendar date in China written `YYYY-MM-DD`, with no time and no time zone (R-CAL-3). The
 * scalar accepts only text; whether it is a real date is checked by the resolver with the domain's
 * rules, so a wrong date is BAD_USER_INPUT naming the argument or list it came in (a scalar cannot
 * know its field).
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: '日期，格式 YYYY-MM-DD（中国的日历日期，不含时间和时区）',
  serialize: (value) => {
    if (typeof value !== 'string') throw notText(value);
    return value;
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw notText(value);
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw notText(ast.kind);
    return ast.value;
  },
});
