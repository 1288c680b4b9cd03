/** The key fields the players' shortcut maps read (a KeyboardEvent has them all); pure, for their models' tests. */
export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}
