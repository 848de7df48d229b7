// placeholder: replaced below
export default async function setup() {}
