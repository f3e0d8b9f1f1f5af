// Table type of the domain-event outbox.

export interface DomainEventTable {
  district_id: string;
  id: string;
  /** e.g. "service_record.accepted". */
  type: string;
  /** The id of the thing the event is about; (type, ref_id) is unique, so an event is emitted once. */
  ref_id: string;
  /** JSON text. */
  payload: string;
  created_at: string;
}

export interface EventTables {
  domain_events: DomainEventTable;
}
