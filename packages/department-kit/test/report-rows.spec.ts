import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CHECK_ITEMS_2022, PLAN_2022 } from '@dr/domain';
import { createLogger } from '@dr/subgraph-kit';
import { openTestDataSource } from '@dr/subgraph-kit/testing';
import { testDatabases } from '@dr/config-jest/databases';
import { DEPARTMENT_ENTITIES, DEPARTMENT_MIGRATIONS } from '../src/tables';
import { CheckItemEntity } from '../src/entities';
import { seedCheckItems } from '../src/seed';
import { departmentSummaryRows, SUMMARY_PAGE } from '../src/reports/summary-rows';

const day = (i: number) => new Date(Date.UTC(2022, 7, 1) + (i % 20) * 86_400_000).toISOString().slice(0, 10);

describe.each(testDatabases())('R-REP-2 the department rows of the 汇总表 on %s', (db) => {
  let dataSource: DataSource;
  let dispose: () => Promise<void>;
  const count = SUMMARY_PAGE + 5; // more than one page, several rows per day: the keyset must not skip or repeat

  beforeAll(async () => {
    ({ dataSource, dispose } = await openTestDataSource({ name: 'culture', entities: DEPARTMENT_ENTITIES, migrations: DEPARTMENT_MIGRATIONS }, db));
    await seedCheckItems(dataSource, 'culture', PLAN_2022.id, CHECK_ITEMS_2022, createLogger('culture', 'silent'));
    const items = await dataSource.getRepository(CheckItemEntity).find({ where: { planId: PLAN_2022.id }, order: { order: 'ASC' } });
    const now = '2022-08-01 08:00:00.000';
    for (let from = 0; from < count; from += 200) {
      const results: unknown[][] = [];
      const sections: unknown[][] = [];
      const outcomes: unknown[][] = [];
      const orders: unknown[][] = [];
      const referrals: unknown[][] = [];
      for (let i = from; i < Math.min(count, from + 200); i++) {
        const inspectionId = `insp-${String(i).padStart(5, '0')}`;
        const sectionId = randomUUID();
        // Inspection 7: C1 not compliant, C2 not applicable, one order of each kind, one referral, result entered as 5.
        const special = i === 7;
        results.push([randomUUID(), inspectionId, PLAN_2022.id, PLAN_2022.title, 'v', `网咖${i}`, '91410403MA00000000', '建设路街道', day(i), day(i), '', special ? 'PUBLISHED' : 'PENDING_ENTRY', special ? '5' : '', 1, special ? 1 : 0, special ? '2022-09-01' : null, now, now]);
        sections.push([sectionId, inspectionId, PLAN_2022.id, 'SUBMITTED', 2, now, 'u', special ? '5,8' : '1,9']);
        items.forEach((item, n) => outcomes.push([sectionId, item.id, special && n === 0 ? 'NON_COMPLIANT' : special && n === 1 ? 'NOT_APPLICABLE' : n === 6 && i % 2 ? null : 'COMPLIANT', now, 'u']));
        if (special) {
          orders.push([randomUUID(), sectionId, 0, 'STOP_ILLEGAL', 'ORAL', '立即停止', null, items[0].id], [randomUUID(), sectionId, 1, 'RECTIFY', 'WRITTEN', '限期改正', '2022-08-20', items[0].id]);
          referrals.push([randomUUID(), inspectionId, 'market', null, '涉嫌无照经营', '依据', '', 'PLATFORM', '2022-08-12', 'SENT', 1, 'u', '管理员', now, now]);
        }
      }
      const insert = (table: string, columns: string, rows: unknown[][]) =>
        rows.length ? dataSource.query(`INSERT INTO ${table} (${columns}) VALUES ${rows.map((r) => `(${r.map(() => '?').join(',')})`).join(',')}`, rows.flat()) : null;
      await insert('department_result', 'id, inspection_id, plan_id, plan_title, venue_id, venue_name, venue_uscc, venue_street, inspected_on, signed_on, team_inspector_ids, status, result_codes, version, revision, published_on, created_at, updated_at', results);
      await insert('department_section', 'id, inspection_id, plan_id, status, version, updated_at, updated_by, result_codes', sections);
      await insert('section_item', 'section_id, check_item_id, outcome, updated_at, updated_by', outcomes);
      await insert('section_order', 'id, section_id, position, kind, delivery, content, deadline, check_item_id', orders);
      await insert('referral_sent', 'id, inspection_id, to_department, to_authority, facts, legal_basis, evidence_ids, channel, sent_on, state, version, sent_by, sent_by_name, created_at, updated_at', referrals);
    }
  });
  afterAll(() => dispose());

  it('one row per signed inspection, in day order, across pages without a gap or a repeat, with its counts', async () => {
    const rows = [];
    for await (const row of departmentSummaryRows(dataSource, 'culture', PLAN_2022.id)) rows.push(row);
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((r) => r.inspectionId)).size).toBe(count);
    const order = rows.map((r) => `${r.inspectedOn}|${r.inspectionId}`);
    expect(order).toEqual([...order].sort());
    // Inspection 7 is odd, so C7 has no outcome: 6 checked.
    expect(rows.find((r) => r.inspectionId === 'insp-00007')).toEqual({
      department: 'culture', inspectionId: 'insp-00007', venueName: '网咖7', venueUscc: '91410403MA00000000', venueStreet: '建设路街道', inspectedOn: day(7),
      checked: 6, compliant: 4, nonCompliant: 1, notApplicable: 1, stopOrders: 1, rectifyOrders: 1, referrals: 1, resultCodes: [5], publishedOn: '2022-09-01',
    });
    // Odd ones left C7 without an outcome: not counted as checked; the section's codes stand until a result is entered.
    expect(rows.find((r) => r.inspectionId === 'insp-00009')).toMatchObject({ checked: 6, compliant: 6, nonCompliant: 0, stopOrders: 0, referrals: 0, resultCodes: [1, 9], publishedOn: null });
  });

  it('another plan has no rows', async () => {
    const rows = [];
    for await (const row of departmentSummaryRows(dataSource, 'culture', 'another-plan')) rows.push(row);
    expect(rows).toEqual([]);
  });
});
