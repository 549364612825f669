import { useCallback, useState } from 'react';
import { Button, Input, Select } from 'antd';
import PlusOutlined from '@ant-design/icons/es/icons/PlusOutlined';
import UploadOutlined from '@ant-design/icons/es/icons/UploadOutlined';
import type { DirectoryKind } from '@dr/graphql-client';
import { useIsPhone, type CursorPages } from '@dr/ui';
import { DirectoryExportButton } from './directory-export-button';
import { DirectoryImportModal } from './directory-import-modal';

/**
 * A directory's filters: changing any of them goes back to the first page.
 * @param pages - the list's pages
 * @returns the current filters and a function merging a change into them
 */
export function useDirectoryFilters<F extends object>(pages: CursorPages): [F, (change: Partial<F>) => void] {
  const [filters, setFilters] = useState<F>({} as F);
  const { reset } = pages;
  const apply = useCallback(
    (change: Partial<F>) => {
      setFilters((previous) => ({ ...previous, ...change }));
      reset();
    },
    [reset],
  );
  return [filters, apply];
}

/** Props of {@link DirectorySearch}. */
export interface DirectorySearchProps {
  placeholder: string;
  /** Called with the trimmed text, or undefined when cleared. */
  onSearch: (text: string | undefined) => void;
  width: number;
  testId: string;
}

/** The search box of a directory (server-side `search`). */
export function DirectorySearch({ placeholder, onSearch, width, testId }: DirectorySearchProps) {
  const isPhone = useIsPhone();
  return <Input.Search allowClear placeholder={placeholder} aria-label={placeholder} onSearch={(value) => onSearch(value.trim() || undefined)} style={{ width: isPhone ? '100%' : width }} data-testid={testId} />;
}

/** Props of {@link FilterSelect}. */
export interface FilterSelectProps<T extends string> {
  placeholder: string;
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  options: { value: T; label: string }[];
  width: number;
  testId: string;
}

/** A clearable filter of a directory, full width on a phone. */
export function FilterSelect<T extends string>({ placeholder, value, onChange, options, width, testId }: FilterSelectProps<T>) {
  const isPhone = useIsPhone();
  return <Select<T> allowClear placeholder={placeholder} aria-label={placeholder} value={value} onChange={(next) => onChange(next ?? undefined)} options={options} style={{ width: isPhone ? '100%' : width }} data-testid={testId} />;
}

/** Props of {@link DirectoryActions}. */
export interface DirectoryActionsProps {
  kind: DirectoryKind;
  /** Null when the user may not add records. */
  onCreate: (() => void) | null;
  /** Whether the user may import into this directory. */
  mayImport: boolean;
  /** Who may import what and how rows are matched, shown in the import wizard. */
  importHint: string;
  /** Called when an import has been written, to show the new rows. */
  onImported: () => void;
}

/** 新增, 导入 (with its wizard) and 导出 of a directory; the first two only for those who may keep it. */
export function DirectoryActions({ kind, onCreate, mayImport, importHint, onImported }: DirectoryActionsProps) {
  const [importing, setImporting] = useState(false);
  return (
    <>
      {onCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid={`${kind}-create`}>
          新增
        </Button>
      )}
      {mayImport && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid={`${kind}-import`}>
          导入
        </Button>
      )}
      <DirectoryExportButton kind={kind} />
      {mayImport && <DirectoryImportModal open={importing} kind={kind} scopeHint={importHint} onClose={() => setImporting(false)} onCommitted={onImported} />}
    </>
  );
}

/** Props of {@link RowEditButton}. */
export interface RowEditButtonProps {
  onClick: () => void;
  /** A full-width button on a phone card; a link in a table row. */
  block?: boolean;
  testId: string;
}

/** 编辑 on a directory row or card. */
export function RowEditButton({ onClick, block = false, testId }: RowEditButtonProps) {
  return (
    <Button type={block ? 'default' : 'link'} block={block} onClick={onClick} data-testid={testId}>
      编辑
    </Button>
  );
}
