import 'reflect-metadata';
import { ArgsType, Field, Int, ObjectType, Directive } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { Raw } from 'typeorm';
import { badInput } from './errors';

/** Page bounds: every list is paged, and a page is never larger than this. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `每页条数（1–${MAX_PAGE_SIZE}）` })
  @Min(1, { message: '每页条数至少为 1' })
  @Max(MAX_PAGE_SIZE, { message: `每页条数不能超过 ${MAX_PAGE_SIZE}` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: '上一页返回的 endCursor' })
  after?: string | null;
}

@ObjectType({ description: '分页信息' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/**
 * Cursors are opaque to clients. Today they carry an offset; a keyset cursor can replace it later
 * without changing the API.
 */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badInput('after', '分页游标无效，请从第一页重新查询');
  return Number(match[1]) + 1;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** Builds a page from rows fetched with `take: first` at `offset`. */
export function toPage<T>(nodes: T[], totalCount: number, offset: number): Page<T> {
  const last = offset + nodes.length - 1;
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: last + 1 < totalCount, endCursor: nodes.length ? encodeCursor(last) : null },
  };
}

/**
 * A connection type for `itemClass`: `{ nodes, totalCount, pageInfo }`. Declare the concrete type as
 * `@ObjectType() class PlanConnection extends Connection(Plan) {}`.
 */
export function Connection<T extends object>(itemClass: new (...args: never[]) => T) {
  // Registered so that subclasses inherit the fields; never referenced itself, so never emitted.
  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [itemClass])
    nodes: T[];

    @Field(() => Int, { description: '总条数' })
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionClass;
}

/**
 * A `LIKE '%…%'` condition that matches `text` literally on SQLite and MySQL alike: `%`, `_` and the
 * escape character itself are escaped with `!` (backslash means different things to the two).
 */
export function containsText(text: string) {
  const pattern = `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
  return Raw((column) => `${column} LIKE :pattern ESCAPE '!'`, { pattern });
}
