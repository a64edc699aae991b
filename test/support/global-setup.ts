// Placeholder; the PostgreSQL cluster start lands here.
export default async function globalSetup(): Promise<void> {}
