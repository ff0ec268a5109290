import { timeZoneCase } from "./timezone-case.js";

timeZoneCase("Asia/Tokyo");
