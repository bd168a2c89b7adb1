import type { User } from '../../../../shared/api/system.contract';
import type { UserRow } from './users.table';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    nameFa: row.name_fa,
    nameEn: row.name_en,
    position: row.position,
    role: row.role as User['role'],
    locale: row.locale as User['locale'],
    calendar: row.calendar as User['calendar'],
    active: row.active === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
