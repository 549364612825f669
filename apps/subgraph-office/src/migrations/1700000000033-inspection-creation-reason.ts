import { column } from '@dr/subgraph-kit';
import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A task made by hand records why it was not drawn (createInspection's reason). */
export class InspectionCreationReason1700000000033 implements MigrationInterface {
  name = 'InspectionCreationReason1700000000033';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('inspection', new TableColumn(column('creation_reason', 'varchar', { length: 500, nullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('inspection', 'creation_reason');
  }
}
