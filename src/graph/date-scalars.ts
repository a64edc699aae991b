// The Date and DateTime scalars: graphql-scalars' parsing, plus the hub's year range, so a date
// the database cannot hold (year 0, year 20000) is refused while variables are coerced (400,
// BAD_USER_INPUT naming the input path) for every argument at once, reads and writes alike.
import { GraphQLScalarType } from "graphql";
import { DateResolver, DateTimeResolver } from "graphql-scalars";
import { isInYearRange, YEAR_RANGE_MESSAGE } from "../domain/dates";

function inRange(value: unknown): Date {
  if (!(value instanceof Date) || !isInYearRange(value)) throw new TypeError(YEAR_RANGE_MESSAGE);
  return value;
}

function bounded(scalar: GraphQLScalarType<Date, unknown>): GraphQLScalarType<Date, unknown> {
  const config = scalar.toConfig();
  return new GraphQLScalarType<Date, unknown>({
    ...config,
    parseValue: (value) => inRange(config.parseValue!(value)),
    parseLiteral: (ast, variables) => inRange(config.parseLiteral!(ast, variables)),
  });
}

export const BoundedDate = bounded(DateResolver as GraphQLScalarType<Date, unknown>);
export const BoundedDateTime = bounded(DateTimeResolver as GraphQLScalarType<Date, unknown>);
