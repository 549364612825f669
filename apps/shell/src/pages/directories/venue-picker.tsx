import { useDeferredValue, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Select } from 'antd';
import { VenueLabelDocument, VenueOptionsDocument } from '../../generated/graphql';

/** Props of {@link VenuePicker}; `value` and `onChange` come from the Form.Item around it. */
export interface VenuePickerProps {
  value?: string;
  onChange?: (venueId: string) => void;
  testId?: string;
}

/**
 * Picks a venue by searching the object directory on the server (`venues(search:)`, name or USCC).
 * A venue already chosen is named through `venue(id:)`, so a saved 回避申报 shows its venue's name.
 */
export function VenuePicker({ value, onChange, testId }: VenuePickerProps) {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const options = useQuery(VenueOptionsDocument, { variables: { first: 20, search: deferred || null } });
  const chosen = useQuery(VenueLabelDocument, { variables: { id: value ?? '' }, skip: !value });
  const label = (venue: { name: string; uscc: string; street: string }) => `${venue.name}（${venue.street}，${venue.uscc}）`;
  const found = options.data?.venues.nodes ?? [];
  const items = found.map((venue) => ({ value: venue.id, label: label(venue) }));
  const current = chosen.data?.venue;
  if (current && !items.some((item) => item.value === current.id)) items.unshift({ value: current.id, label: label(current) });

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      options={items}
      loading={options.loading}
      placeholder="输入名称或统一社会信用代码搜索"
      notFoundContent={options.loading ? '正在搜索…' : '没有找到检查对象'}
      data-testid={testId}
    />
  );
}
