export const hello = "runtime";
