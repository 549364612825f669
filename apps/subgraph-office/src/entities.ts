import { Plan } from './plan/plan.entity';
import { Venue } from './venue/venue.entity';
import { Inspector } from './inspector/inspector.entity';
import { Inspection } from './inspection/inspection.entity';
import { TeamMember } from './inspection/team-member.entity';
import { User } from './auth/user.entity';
import { OfficeInitial1700000000000 } from './migrations/1700000000000-office-initial';

export const OFFICE_ENTITIES = [Plan, Venue, Inspector, Inspection, TeamMember, User];
export const OFFICE_MIGRATIONS = [OfficeInitial1700000000000];
