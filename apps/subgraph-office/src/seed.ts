import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { PLAN_2022 } from '@dr/domain';
import { demoConflicts, demoInspections, demoInspectors, demoUsers, demoVenues, demoId } from '@dr/demo-data';
import { hashPassword } from '@dr/subgraph-kit';
import { Plan } from './plan/plan.entity';
import { Venue } from './venue/venue.entity';
import { Inspector } from './inspector/inspector.entity';
import { InspectorConflict } from './inspector/conflict.entity';
import { Inspection, InspectionStatus } from './inspection/inspection.entity';
import { TeamMember } from './inspection/team-member.entity';
import { User } from './auth/user.entity';

/**
 * Loads the 2022 plan and the DEMO directories, logins and inspections into an empty database, once:
 * a database that already has a plan is left alone.
 */
export async function seedOffice(dataSource: DataSource, logger: Logger): Promise<void> {
  if ((await dataSource.getRepository(Plan).count()) > 0) return;
  // Every demo login shares the demo password: hash it once (a KDF per officer would slow every start).
  const hashes = new Map<string, Promise<string>>();
  const hashOf = (password: string) => hashes.get(password) ?? hashes.set(password, hashPassword(password)).get(password)!;
  const users = await Promise.all(demoUsers().map(async ({ password, ...user }) => ({ ...user, passwordHash: await hashOf(password) })));
  await dataSource.transaction(async (manager) => {
    await manager.insert(Plan, { ...PLAN_2022 });
    await manager.insert(Venue, demoVenues().map((venue) => ({ ...venue, codeKind: 'USCC' as const })));
    await manager.insert(Inspector, demoInspectors());
    await manager.insert(InspectorConflict, demoConflicts().map((conflict, i) => ({ id: demoId('conflict', i + 1), ...conflict })));
    const inspections = demoInspections();
    await manager.insert(
      Inspection,
      inspections.map(({ id, planId, venueId, scheduledDate }) => ({ id, planId, venueId, scheduledDate, status: InspectionStatus.SCHEDULED })),
    );
    await manager.insert(
      TeamMember,
      inspections.flatMap((inspection) =>
        [inspection.leaderId, ...inspection.memberIds].map((inspectorId, position) => ({
          inspectionId: inspection.id,
          inspectorId,
          role: position === 0 ? ('LEADER' as const) : ('MEMBER' as const),
          position,
        })),
      ),
    );
    await manager.insert(User, users);
  });
  logger.info({ plan: PLAN_2022.documentNumber }, 'seeded the 2022 plan and DEMO data (fictional venues, officers, logins)');
}
