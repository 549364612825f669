import { Field, ObjectType } from 'type-graphql';
import { Inspector } from '../inspector/inspector.entity';

@ObjectType({ description: '检查组' })
export class Team {
  @Field(() => Inspector, { description: '组长' })
  leader: Inspector;

  @Field(() => [Inspector], { description: '组员' })
  members: Inspector[];
}
