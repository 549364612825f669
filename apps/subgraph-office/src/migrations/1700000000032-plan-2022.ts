import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The district's real 2022 plan (平卫双随机办〔2022〕25号) as reference data: it is loaded with the
 * schema, not with the demo data, so it is there when SEED_DEMO_DATA=false. The values are written out
 * here, not read from `@dr/domain`, so the migration inserts tomorrow what it inserted today.
 */
export class Plan2022Reference1700000000032 implements MigrationInterface {
  name = 'Plan2022Reference1700000000032';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [existing] = await queryRunner.query('SELECT COUNT(*) AS n FROM plan WHERE id = ?', [PLAN_ID]);
    if (Number(existing.n) > 0) return; // a database seeded before this migration already has it
    await queryRunner.query(
      'INSERT INTO plan (id, document_number, title, issuing_office, issue_date, window_start, window_end, object_type, lead_department, participating_departments, annual_plan, reporting_deadline, report_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        PLAN_ID,
        '平卫双随机办〔2022〕25号',
        '平顶山市卫东区互联网上网服务营业场所“双随机、一公开”部门联合监管实施方案',
        '平顶山市卫东区部门联合“双随机、一公开”监管工作联席会议办公室',
        '2022-07-21',
        '2022-07-26',
        '2022-12-31',
        '互联网上网服务营业场所',
        'culture',
        'culture,market,fire',
        '《平顶山市卫东区2022年度市场监管领域“双随机、一公开”部门联合监督检查工作计划》',
        '2022-12-01',
        'market',
      ],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DELETE FROM plan WHERE id = ?', [PLAN_ID]);
  }
}

const PLAN_ID = '2022c025-0000-4000-8000-000000000025';
