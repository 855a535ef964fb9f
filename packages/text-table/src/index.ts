export { renderTable, type Column, type TableStyle } from './render-table';
