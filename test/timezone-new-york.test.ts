import { timeZoneCase } from "./timezone-case.js";

timeZoneCase("America/New_York");
