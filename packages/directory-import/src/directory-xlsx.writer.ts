import type { Writable } from 'node:stream';
import { DEFAULT_RISK_CLASSES, DEPARTMENT_NAMES, INSPECTOR_STATUS_NAMES, VENUE_STATUS_NAMES } from '@dr/domain';
import type { CellInput } from './directory.types';
import { INSPECTOR_COLUMNS } from './inspector.columns';
import type { InspectorField } from './inspector.columns';
import type { InspectorRecord } from './inspector-row.validator';
import { VENUE_COLUMNS } from './venue.columns';
import type { VenueField } from './venue.columns';
import { lastInspectionResultLabel, riskClassOf } from './venue-row.validator';
import type { RiskClassOption, VenueRecord } from './venue-row.validator';
import { writeXlsxSheet } from './xlsx-sheet.writer';

/** Export the venue directory. */
export interface WriteVenueXlsxInput {
  kind: 'venues';
  rows: AsyncIterable<VenueRecord> | Iterable<VenueRecord>;
  stream: Writable;
  /** For writing each class with its name (A类（守信）); default A/B/C/D with their names. */
  riskClasses?: readonly RiskClassOption[];
}

/** Export the inspector directory. */
export interface WriteInspectorXlsxInput {
  kind: 'inspectors';
  rows: AsyncIterable<InspectorRecord> | Iterable<InspectorRecord>;
  stream: Writable;
}

const CODE_FIELDS = new Set(['uscc', 'licenseNumber', 'phone', 'certificateNumber', 'conflictUsccs']);

async function* mapRows<T>(rows: AsyncIterable<T> | Iterable<T>, toCells: (record: T) => CellInput[]): AsyncGenerator<CellInput[]> {
  for await (const record of rows) yield toCells(record);
}

function riskClassLabel(options: readonly RiskClassOption[]): (code: string) => string {
  const names = new Map(options.map((option) => [riskClassOf(option).code, riskClassOf(option).name]));
  return (code) => {
    const name = names.get(code);
    return name ? `${code}类（${name}）` : `${code}类`;
  };
}

function venueCells(riskLabel: (code: string) => string): (venue: VenueRecord) => CellInput[] {
  return (venue) => {
    const cells: Record<VenueField, CellInput> = {
      name: venue.name,
      uscc: venue.uscc,
      licenseNumber: venue.licenseNumber,
      address: venue.address,
      street: venue.street,
      legalRepresentative: venue.legalRepresentative,
      contactPerson: venue.contactPerson,
      phone: venue.phone,
      terminals: venue.terminals,
      status: VENUE_STATUS_NAMES[venue.status],
      riskClass: riskLabel(venue.riskClass),
      lastInspectionDate: venue.lastInspectionDate,
      lastInspectionResult: lastInspectionResultLabel(venue.lastInspectionProblemFound),
    };
    return VENUE_COLUMNS.map((column) => cells[column.field]);
  };
}

function inspectorCells(inspector: InspectorRecord): CellInput[] {
  const conflicts = inspector.conflicts;
  const cells: Record<InspectorField, CellInput> = {
    name: inspector.name,
    department: DEPARTMENT_NAMES[inspector.department].short,
    certificateNumber: inspector.certificateNumber,
    certificateValidFrom: inspector.certificateValidFrom,
    certificateValidUntil: inspector.certificateValidUntil,
    expertise: inspector.expertise.join('、'),
    status: INSPECTOR_STATUS_NAMES[inspector.status],
    conflictUsccs: conflicts.map((c) => c.uscc).join('；'),
    conflictRelations: conflicts.map((c) => c.relation).join('；'),
    // Positions must stay aligned, so a missing reason is an empty slot between separators.
    conflictReasons: conflicts.some((c) => c.reason) ? conflicts.map((c) => c.reason ?? '').join('；') : '',
  };
  return INSPECTOR_COLUMNS.map((column) => cells[column.field]);
}

/**
 * Streams a directory to an XLSX workbook with the same Chinese headers the import reads, so an
 * export can be edited and imported again unchanged: frozen header row, fitted column widths, dates
 * as `YYYY-MM-DD` text, codes as text, status / department / risk class in Chinese.
 * Resolves with the number of rows written once `stream` has finished.
 */
export function writeDirectoryXlsx(input: WriteVenueXlsxInput | WriteInspectorXlsxInput): Promise<number> {
  if (input.kind === 'venues') {
    return writeXlsxSheet({
      stream: input.stream,
      sheetName: '检查对象名录库',
      columns: VENUE_COLUMNS.map((c) => ({ header: c.header, width: c.width, text: CODE_FIELDS.has(c.field) })),
      rows: mapRows(input.rows, venueCells(riskClassLabel(input.riskClasses ?? DEFAULT_RISK_CLASSES))),
    });
  }
  return writeXlsxSheet({
    stream: input.stream,
    sheetName: '执法检查人员名录库',
    columns: INSPECTOR_COLUMNS.map((c) => ({ header: c.header, width: c.width, text: CODE_FIELDS.has(c.field) })),
    rows: mapRows(input.rows, inspectorCells),
  });
}
