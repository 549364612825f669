import { Plan } from './plan/plan.entity';
import { Venue } from './venue/venue.entity';
import { Inspector } from './inspector/inspector.entity';
import { Inspection } from './inspection/inspection.entity';
import { TeamMember } from './inspection/team-member.entity';
import { User } from './auth/user.entity';
import { InspectorConflict } from './inspector/conflict.entity';
import { Draw, DrawBlob } from './draw/draw.entity';
import { OfficeInitial1700000000000 } from './migrations/1700000000000-office-initial';
import { DirectoriesAndDraws1700000000002 } from './migrations/1700000000002-directories-and-draws';

export const OFFICE_ENTITIES = [Plan, Venue, Inspector, InspectorConflict, Inspection, TeamMember, User, Draw, DrawBlob];
export const OFFICE_MIGRATIONS = [OfficeInitial1700000000000, DirectoriesAndDraws1700000000002];
