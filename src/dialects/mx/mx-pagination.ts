import { Type, type Static } from 'typebox';

/** MX's paging query: `page` from 1, `records_per_page` 10–1000 (default 25; above 1000 the default). */
export const PageQuery = {
  page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,8}$' })),
  records_per_page: Type.Optional(Type.String({ pattern: '^[0-9]{1,9}$' })),
};

const PageQueryObject = Type.Object(PageQuery);
export type PageParams = Static<typeof PageQueryObject>;

const DEFAULT_PER_PAGE = 25;
const MIN_PER_PAGE = 10;
const MAX_PER_PAGE = 1000;

function perPageOf(raw: string | undefined): number {
  const n = raw === undefined ? DEFAULT_PER_PAGE : Number(raw);
  if (n > MAX_PER_PAGE) return DEFAULT_PER_PAGE;
  return Math.max(MIN_PER_PAGE, n);
}

/** One page of `items` and MX's `pagination` object. */
export function paginate<T>(items: readonly T[], q: PageParams): { items: T[]; pagination: { current_page: number; per_page: number; total_entries: number; total_pages: number } } {
  const perPage = perPageOf(q.records_per_page);
  const page = Number(q.page ?? 1);
  const start = (page - 1) * perPage;
  return {
    items: items.slice(start, start + perPage),
    pagination: { current_page: page, per_page: perPage, total_entries: items.length, total_pages: Math.ceil(items.length / perPage) },
  };
}
