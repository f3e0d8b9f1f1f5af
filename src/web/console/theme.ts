// Brand colour of linli, shared by the antd theme and the few hand-drawn marks.
export const PRIMARY_COLOR = '#E8541E';
