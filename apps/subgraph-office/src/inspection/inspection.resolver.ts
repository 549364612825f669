import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DataSource } from 'typeorm';
import { requireOffice, requirePrincipal } from '@dr/subgraph-kit';
import { Inspection } from './inspection.entity';
import { InspectionService } from './inspection.service';
import { CreateInspectionInput } from './dtos/create-inspection.input';
import { Team } from './team.type';
import { Plan } from '../plan/plan.entity';
import { Venue } from '../venue/venue.entity';
import type { Inspector } from '../inspector/inspector.entity';
import type { OfficeContext } from '../loaders';

@Resolver(() => Inspection)
export class InspectionResolver {
  private readonly service: InspectionService;

  constructor(dataSource: DataSource) {
    this.service = new InspectionService(dataSource);
  }

  @Query(() => Inspection, { nullable: true })
  async inspection(@Arg('id', () => ID) id: string, @Ctx() context: OfficeContext): Promise<Inspection | null> {
    requirePrincipal(context);
    return context.loaders.inspection.load(id);
  }

  @Mutation(() => Inspection, { description: '新建检查（仅联席办）' })
  async createInspection(@Arg('input') input: CreateInspectionInput, @Ctx() context: OfficeContext): Promise<Inspection> {
    const principal = requireOffice(context);
    const inspection = await this.service.create(input);
    context.logger.info({ inspectionId: inspection.id, planId: inspection.planId, by: principal.userId }, 'inspection created');
    return inspection;
  }

  @FieldResolver(() => Plan)
  async plan(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<Plan> {
    return (await context.loaders.plan.load(inspection.planId))!;
  }

  @FieldResolver(() => Venue)
  async venue(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<Venue> {
    return (await context.loaders.venue.load(inspection.venueId))!;
  }

  @FieldResolver(() => Team)
  async team(@Root() inspection: Inspection, @Ctx() context: OfficeContext): Promise<Team> {
    const members = await context.loaders.teamByInspection.load(inspection.id);
    const people = (await context.loaders.inspector.loadMany(members.map((m) => m.inspectorId))) as Inspector[];
    const leaderIndex = members.findIndex((m) => m.role === 'LEADER');
    return { leader: people[leaderIndex], members: people.filter((_, i) => i !== leaderIndex) };
  }
}
