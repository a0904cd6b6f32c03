/** Workspace roles, from most to least powerful. */
export const ROLES = ['admin', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** The four functions that must each contribute to, and sign off, an ICP. */
export const FUNCTIONS = ['sales', 'marketing', 'product', 'customer_success'] as const;
export type IcpFunction = (typeof FUNCTIONS)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Edits ICPs and manages members, invites and the workspace',
  editor: 'Creates, edits, renames and archives ICPs',
  commenter: 'Reads ICPs and comments on them; cannot edit',
  viewer: 'Reads ICPs; cannot edit or comment',
};

export const FUNCTION_LABELS: Record<IcpFunction, string> = {
  sales: 'Sales',
  marketing: 'Marketing',
  product: 'Product',
  customer_success: 'Customer success',
};
