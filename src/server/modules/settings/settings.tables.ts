// Table type of per-district settings (JSON values with defaults in settings.rules.ts).

export interface DistrictSettingTable {
  district_id: string;
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface SettingsTables {
  district_settings: DistrictSettingTable;
}
