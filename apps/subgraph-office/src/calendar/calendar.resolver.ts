import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { isIsoDate, workingDayDeadline } from '@dr/domain';
import { badInput, requireOffice, requirePrincipal } from '@dr/subgraph-kit';
import type { OfficeContext } from '../loaders';
import { toCalendarGraphQLError } from './calendar.errors';
import { CalendarService } from './calendar.service';
import { CalendarYear } from './calendar.types';
import { DateScalar } from './date.scalar';
import { LoadCalendarYearInput } from './dtos/load-calendar-year.input';

/** The longest period asked for: a year of working days is far beyond any statutory deadline. */
const MAX_WORKING_DAYS = 366;

@Resolver()
export class CalendarResolver {
  private readonly service: CalendarService;

  constructor(dataSource: DataSource) {
    this.service = new CalendarService(dataSource);
  }

  @Query(() => DateScalar, { description: '自某日起第 N 个工作日（R-CAL-1：当日不计入，期限日总是工作日）' })
  async workingDayDeadline(
    @Arg('from', () => DateScalar, { description: '起算日（如检查结果形成之日）' }) from: string,
    @Arg('workingDays', () => Int, { description: '工作日天数，0–366' }) workingDays: number,
    @Ctx() context: OfficeContext,
  ): Promise<string> {
    requirePrincipal(context);
    if (!isIsoDate(from)) throw badInput('from', `起算日“${from}”无效，应为 YYYY-MM-DD 格式的日期，如 2022-09-30`);
    if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) throw badInput('workingDays', `工作日天数应在 0–${MAX_WORKING_DAYS} 之间，收到 ${workingDays}`);
    try {
      return workingDayDeadline(from, workingDays, await this.service.calendar());
    } catch (error) {
      throw toCalendarGraphQLError(error, 'from');
    }
  }

  @Query(() => [CalendarYear], { description: '已有节假日安排的年份及其依据（R-CAL-2）' })
  async calendarYears(@Ctx() context: OfficeContext): Promise<CalendarYear[]> {
    requirePrincipal(context);
    return this.service.years();
  }

  @Mutation(() => CalendarYear, { description: '载入或更正某年的法定节假日安排，立即生效（仅联席办）' })
  async loadCalendarYear(@Arg('input') input: LoadCalendarYearInput, @Ctx() context: OfficeContext): Promise<CalendarYear> {
    const principal = requireOffice(context);
    const source = input.source.trim();
    if (!source) throw badInput('source', '请填写依据：通知名称及文号');
    try {
      const year = await this.service.load({ ...input, source }, principal);
      context.logger.info({ year: year.year, source: year.source, holidays: year.holidays.length, workingDays: year.workingDays.length, by: principal.userId }, 'calendar year loaded');
      return year;
    } catch (error) {
      throw toCalendarGraphQLError(error, 'input');
    }
  }
}
