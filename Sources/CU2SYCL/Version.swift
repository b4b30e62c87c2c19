public enum CU2SYCLVersion { public static let string = "0.1.0" }
