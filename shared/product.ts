/** The product's names, as every part of the program spells them. */
export const APP_NAME = 'City Diplomacy Desk';
export const APP_NAME_FA = 'میز دیپلماسی شهری';
export const APP_ID = 'ir.municipality.citydiplomacydesk';
