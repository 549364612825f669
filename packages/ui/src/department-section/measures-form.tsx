import { useId, type CSSProperties } from 'react';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Input, Radio, Select, Typography } from 'antd';
import { newOrderKey, type DraftOrder, type OrderDeliveryCode, type OrderKindCode, type SectionContent } from '@dr/graphql-client';
import { IsoDatePicker } from '../form/iso-date-picker';
import { ORDER_DELIVERY_LABELS, ORDER_KIND_LABELS, rectifyDeadlineProblem, rectifyDeadlineWindow } from './result-check';

const KIND_OPTIONS = (Object.keys(ORDER_KIND_LABELS) as OrderKindCode[]).map((value) => ({ value, label: ORDER_KIND_LABELS[value] }));
const DELIVERY_OPTIONS = (Object.keys(ORDER_DELIVERY_LABELS) as OrderDeliveryCode[]).map((value) => ({ value, label: ORDER_DELIVERY_LABELS[value] }));

/** A radio button that grows with its text: antd's are one fixed-height line. */
const WRAPPING_BUTTON: CSSProperties = { height: 'auto', minHeight: 40, lineHeight: '20px', paddingBlock: 9, whiteSpace: 'normal', textAlign: 'center' };

/** Props of {@link MeasuresForm}. */
export interface MeasuresFormProps {
  onSiteRecord: SectionContent['onSiteRecord'];
  orders: readonly DraftOrder[];
  /** Items an order may be linked to (code and title). */
  items: readonly { id: string; code: string; title: string }[];
  onChange: (patch: Partial<Pick<SectionContent, 'onSiteRecord' | 'orders'>>) => void;
  /** Read-only when false. */
  editable: boolean;
  /** The inspection's day (`YYYY-MM-DD`): no 改正期限 before it, none more than a year after it. */
  visitDay?: string | null;
}

interface OrderEditorProps {
  order: DraftOrder;
  index: number;
  items: MeasuresFormProps['items'];
  visitDay?: string | null;
  onChange: (order: DraftOrder) => void;
  onRemove: () => void;
}

function OrderEditor({ order, index, items, visitDay, onChange, onRemove }: OrderEditorProps) {
  const deadlineId = useId();
  const deadlineProblem = order.deadline ? rectifyDeadlineProblem(order.deadline, visitDay) : null;
  return (
    <Card
      size="small"
      title={`责令 ${index + 1}`}
      extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={`删除责令 ${index + 1}`} style={{ minWidth: 44, minHeight: 40 }} />}
      data-testid={`order-${index}`}
    >
      <Flex vertical gap={10}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          block
          // A long kind (责令停止违法行为) wraps inside its button at 360 px instead of spilling over the label below.
          options={KIND_OPTIONS.map((option) => ({ value: option.value, label: <span data-testid={`order-${index}-kind-${option.value}`}>{option.label}</span>, style: WRAPPING_BUTTON }))}
          value={order.kind}
          onChange={(event) => onChange({ ...order, kind: event.target.value as OrderKindCode })}
          aria-label="责令类型"
        />
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">下达方式</Typography.Text>
          <Radio.Group
            options={DELIVERY_OPTIONS.map((option) => ({ value: option.value, label: <span data-testid={`order-${index}-delivery-${option.value}`}>{option.label}</span> }))}
            value={order.delivery}
            onChange={(event) => onChange({ ...order, delivery: event.target.value as OrderDeliveryCode })}
            aria-label="下达方式"
          />
        </Flex>
        <Input.TextArea
          value={order.content}
          onChange={(event) => onChange({ ...order, content: event.target.value })}
          placeholder="责令内容，如：立即停止接纳未成年人进入营业场所"
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={1000}
          aria-label="责令内容"
          data-testid={`order-${index}-content`}
        />
        {order.kind === 'RECTIFY' && (
          <Flex vertical gap={4}>
            <label htmlFor={deadlineId}>
              <Typography.Text type="secondary">改正期限</Typography.Text>
            </label>
            <IsoDatePicker
              id={deadlineId}
              value={order.deadline}
              onChange={(deadline) => onChange({ ...order, deadline })}
              window={rectifyDeadlineWindow(visitDay) ?? undefined}
              status={deadlineProblem ? 'error' : undefined}
              testId={`order-${index}-deadline`}
            />
            {deadlineProblem && (
              <Typography.Text type="danger" role="alert" data-testid={`order-${index}-deadline-problem`}>
                {deadlineProblem}
              </Typography.Text>
            )}
          </Flex>
        )}
        <Select
          allowClear
          placeholder="关联检查事项（选填）"
          aria-label="关联检查事项"
          value={order.checkItemId ?? undefined}
          onChange={(value: string | undefined) => onChange({ ...order, checkItemId: value ?? null })}
          options={items.map((item) => ({ value: item.id, label: `${item.code} ${item.title}` }))}
          style={{ minHeight: 40 }}
          data-testid={`order-${index}-item`}
        />
      </Flex>
    </Card>
  );
}

/**
 * Measures on a violation (R-VISIT-1/2): the 现场笔录 (facts found, persons present) and the orders
 * given on site — 责令停止违法行为 or 责令限期改正 (with a deadline), delivered in writing, orally or
 * printed on a mobile enforcement device — optionally linked to a check item.
 */
export function MeasuresForm({ onSiteRecord, orders, items, onChange, editable, visitDay }: MeasuresFormProps) {
  if (!editable) {
    const codeOf = (id: string | null) => items.find((item) => item.id === id)?.code;
    return (
      <Flex vertical gap={8} data-testid="measures">
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'facts', label: '现场笔录', children: onSiteRecord.facts || '—' },
            { key: 'persons', label: '在场人员', children: onSiteRecord.personsPresent || '—' },
          ]}
        />
        {orders.length === 0 ? (
          <Typography.Text type="secondary">未下达责令</Typography.Text>
        ) : (
          orders.map((order, index) => (
            <Card size="small" key={order.key} data-testid={`order-${index}`}>
              <Typography.Text strong>{ORDER_KIND_LABELS[order.kind]}</Typography.Text>（{ORDER_DELIVERY_LABELS[order.delivery]}）
              {order.checkItemId && codeOf(order.checkItemId) ? ` · ${codeOf(order.checkItemId)}` : ''}
              <div>{order.content}</div>
              {order.deadline && <Typography.Text type="secondary">改正期限：{order.deadline}</Typography.Text>}
            </Card>
          ))
        )}
      </Flex>
    );
  }
  const setOrder = (index: number, order: DraftOrder) => onChange({ orders: orders.map((item, i) => (i === index ? order : item)) });
  return (
    <Flex vertical gap={12} data-testid="measures">
      <Flex vertical gap={4}>
        <Typography.Text strong>现场笔录</Typography.Text>
        <Input.TextArea
          value={onSiteRecord.facts}
          onChange={(event) => onChange({ onSiteRecord: { ...onSiteRecord, facts: event.target.value } })}
          placeholder="检查发现的事实：时间、地点、现场情况、当事人陈述"
          autoSize={{ minRows: 3, maxRows: 10 }}
          maxLength={5000}
          aria-label="现场笔录"
          data-testid="on-site-facts"
        />
        <Input
          value={onSiteRecord.personsPresent}
          onChange={(event) => onChange({ onSiteRecord: { ...onSiteRecord, personsPresent: event.target.value } })}
          placeholder="在场人员（姓名、身份）"
          maxLength={500}
          aria-label="在场人员"
          style={{ minHeight: 40 }}
          data-testid="on-site-persons"
        />
      </Flex>
      <Typography.Text strong>现场责令</Typography.Text>
      {orders.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未下达责令" style={{ margin: 0 }} />}
      {orders.map((order, index) => (
        <OrderEditor
          key={order.key}
          order={order}
          index={index}
          items={items}
          visitDay={visitDay}
          onChange={(next) => setOrder(index, next)}
          onRemove={() => onChange({ orders: orders.filter((_, i) => i !== index) })}
        />
      ))}
      <Button
        icon={<PlusOutlined />}
        onClick={() => onChange({ orders: [...orders, { key: newOrderKey(), kind: 'RECTIFY', delivery: 'WRITTEN', content: '', deadline: null, checkItemId: null }] })}
        style={{ minHeight: 44 }}
        data-testid="order-add"
      >
        添加责令
      </Button>
    </Flex>
  );
}
