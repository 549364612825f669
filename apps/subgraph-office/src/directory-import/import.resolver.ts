import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Connection, decodeCursor, PageArgs, requirePrincipal, toPage } from '@dr/subgraph-kit';
import { ImportJob, ImportRowError } from './import-job.entity';
import type { ImportService } from './import.service';
import type { OfficeContext } from '../loaders';

@ObjectType()
export class ImportRowErrorConnection extends Connection(ImportRowError) {}

@Resolver(() => ImportJob)
export class ImportResolver {
  constructor(
    _dataSource: unknown,
    _auth: unknown,
    private readonly imports: ImportService,
  ) {}

  @Query(() => ImportJob, { nullable: true, description: '一次名录导入（本人发起的，或联席办）' })
  async importJob(@Arg('id', () => ID) id: string, @Ctx() context: OfficeContext): Promise<ImportJob | null> {
    return this.imports.find(id, requirePrincipal(context));
  }

  @Mutation(() => ImportJob, { description: '确认导入校验通过的文件（全部写入或全部不写入）' })
  async commitImport(@Arg('id', () => ID) id: string, @Ctx() context: OfficeContext): Promise<ImportJob> {
    const principal = requirePrincipal(context);
    const job = await this.imports.commit(id, principal);
    context.logger.info({ importId: id, by: principal.userId }, 'import commit started');
    return job;
  }

  @FieldResolver(() => ImportRowErrorConnection, { description: '错误行（按行号）' })
  async errors(@Root() job: ImportJob, @Args() page: PageArgs): Promise<ImportRowErrorConnection> {
    const offset = decodeCursor(page.after);
    const [nodes, total] = await this.imports.errors(job.id, offset, page.first);
    return toPage(nodes, total, offset);
  }
}
